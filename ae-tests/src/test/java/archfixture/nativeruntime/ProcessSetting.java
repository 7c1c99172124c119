package archfixture.nativeruntime;

/** Stands for a process setting of the native runtime. */
public class ProcessSetting {
}
