/**
 * The messages of the ONNX file format that ae writes, each a record that writes its own fields with protobuf-java's
 * {@code CodedOutputStream} under the field numbers of the ONNX specification; no generated code, no copy of ONNX's
 * {@code .proto}.
 */
package dev.autoencoder.onnx.proto;
