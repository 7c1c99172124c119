/**
 * Checkpoints as <a href="https://github.com/huggingface/safetensors">safetensors</a> files: an 8-byte
 * little-endian header length, a UTF-8 JSON header (tensor dtypes, shapes and byte offsets, plus string
 * {@code __metadata__}), then the raw little-endian tensor bytes. Files written here load with
 * {@code safetensors.torch.load_file}, and files written by the reference library load here.
 *
 * <p>{@link dev.autoencoder.models.checkpoint.SafeTensors} reads and writes files,
 * {@link dev.autoencoder.models.checkpoint.HostTensor} holds one tensor's elements on the heap independently of
 * any backend, {@link dev.autoencoder.models.checkpoint.Checkpoint} is what a file holds, and every failure is a
 * {@link dev.autoencoder.models.checkpoint.CheckpointException} naming the file.
 */
package dev.autoencoder.models.checkpoint;
