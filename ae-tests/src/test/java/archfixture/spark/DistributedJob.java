package archfixture.spark;

/** Stands for the Spark layer. */
public class DistributedJob {
}
