package dev.autoencoder.api;

/**
 * What one Adam step produces: new tensors for the parameter and both moments.
 *
 * @param param the updated parameter
 * @param m     the updated first moment
 * @param v     the updated second moment
 */
public record AdamUpdate(Tensor param, Tensor m, Tensor v) {
}
