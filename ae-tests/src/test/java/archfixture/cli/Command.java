package archfixture.cli;

/** A stand-in for a CLI command. */
public class Command {
}
