package dev.autoencoder.natives;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The C library's functions that the process settings call, bound by JNA (each on its first call). */
interface CLibrary extends Library {
    /** POSIX {@code setenv}. */
    int setenv(String name, String value, int overwrite);

    /** glibc's {@code mallopt}: 1 where the setting was taken. */
    int mallopt(int param, int value);

    /** The C library of this process. */
    static CLibrary load() {
        return Native.loadLibrary("c", CLibrary.class);
    }
}
