/**
 * Anomaly detection with trained autoencoders: {@link dev.autoencoder.models.anomaly.AnomalyDetector} fits a
 * {@link dev.autoencoder.models.anomaly.ThresholdRule} on the scores of normal samples, scores and predicts;
 * {@link dev.autoencoder.models.anomaly.RankingMetrics} gives the AUROC and average precision against
 * {@link dev.autoencoder.models.anomaly.GroundTruth}.
 */
package dev.autoencoder.models.anomaly;
