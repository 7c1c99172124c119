/**
 * ONNX export of trained models: {@link dev.autoencoder.onnx.OnnxExporter} writes a model's encoder, decoder and
 * reconstruction ({@link dev.autoencoder.onnx.Part}) as ONNX files that ONNX Runtime and every other ONNX reader load.
 */
package dev.autoencoder.onnx;
