/**
 * Trained models applied to host data: {@link dev.autoencoder.models.inference.Inference} encodes, reconstructs,
 * decodes, samples and scores in batches, each in its own scope, and is safe for concurrent callers;
 * {@link dev.autoencoder.models.inference.HostBatches} is the batching loop it shares with the trainer's evaluation.
 */
package dev.autoencoder.models.inference;
