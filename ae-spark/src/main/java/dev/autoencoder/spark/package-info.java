/**
 * Distributed scoring and data-parallel training on Apache Spark, as callers of the library API: checkpoints
 * travel as broadcast bytes and are scored on the executors through {@code Inference}; gradients of each
 * partition's share of a global batch are summed with {@code treeAggregate} and applied by the driver's optimizer.
 */
package dev.autoencoder.spark;
