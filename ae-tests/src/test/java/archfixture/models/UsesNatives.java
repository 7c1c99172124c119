package archfixture.models;

import archfixture.natives.ProcessSetting;

/** Breaks the natives-serve-backends rule: a model class changing a process setting of the native libraries. */
public class UsesNatives {
    public ProcessSetting setting() {
        return new ProcessSetting();
    }
}
