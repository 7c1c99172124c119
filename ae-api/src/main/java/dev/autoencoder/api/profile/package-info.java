/**
 * Where time goes: {@link dev.autoencoder.api.profile.ProfilingBackend} wraps any backend and records, per
 * primitive, the calls, the wall time and the floating-point operations of matrix products and convolutions.
 */
package dev.autoencoder.api.profile;
