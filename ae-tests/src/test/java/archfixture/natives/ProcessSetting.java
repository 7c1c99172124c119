package archfixture.natives;

/** Stands for a process setting of the natives module. */
public class ProcessSetting {
}
