/**
 * Deliberately bad classes that break each architecture rule once. They are analysed apart from the real code
 * (their own package root) to prove that every rule fails when it should.
 */
package archfixture;
