/**
 * {@code ae bench}: the workloads of WORKLOADS.md timed on one backend (training and inference throughput, FLOP
 * rate, peak memory, and the test loss that proves the speed was not bought with wrong numbers).
 */
package dev.autoencoder.models.bench;
