package archfixture.api;

/** Breaks the no-static-mutable-state rule. */
public class GlobalCounter {
    public static int count;
}
