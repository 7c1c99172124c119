package archfixture.data;

import archfixture.spark.DistributedJob;

/** Breaks the spark-above-models rule: a data class reaching up into the Spark layer. */
public class UsesSpark {
    public DistributedJob job() {
        return new DistributedJob();
    }
}
