package archfixture.models;

import archfixture.nativeruntime.ProcessSetting;

/** Breaks the native-runtime-serves-backends rule: a model class changing a process setting of the native libraries. */
public class UsesNativeRuntime {
    public ProcessSetting setting() {
        return new ProcessSetting();
    }
}
