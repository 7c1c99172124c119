package archfixture.examples;

import archfixture.cli.Command;

/** Breaks the CLI-on-top rule: an example (a library caller) reaching into the CLI. */
public class UsesCli {
    public Command command() {
        return new Command();
    }
}
