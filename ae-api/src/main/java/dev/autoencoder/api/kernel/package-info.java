/**
 * Kernels shared by backends whose tensors live in native memory, for steps where the library's own kernel makes
 * more passes over memory than the operation needs.
 */
package dev.autoencoder.api.kernel;
