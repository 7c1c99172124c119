/**
 * The dataset catalog: what a data source name or path means ({@link dev.autoencoder.data.catalog.DataCatalog}),
 * the fixed test holdout, scaling fitted on the training part and saved with a model
 * ({@link dev.autoencoder.data.catalog.DataRecipe}), the degradations a restoring model undoes, and fitting samples
 * to a model's input shape. The CLI is a thin shell over it; a Java program loads data the same way.
 */
package dev.autoencoder.data.catalog;
