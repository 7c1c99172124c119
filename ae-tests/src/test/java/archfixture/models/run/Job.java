package archfixture.models.run;

/** A stand-in for a job of the library. */
public class Job {
}
