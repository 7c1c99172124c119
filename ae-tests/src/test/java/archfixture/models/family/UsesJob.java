package archfixture.models.family;

import archfixture.models.run.Job;

/** Breaks the jobs-above-families rule: a model family reaching up into a job. */
public class UsesJob {
    public Job job() {
        return new Job();
    }
}
