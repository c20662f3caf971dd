package org.roadpulse.ingest.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (Linux), to turn a benchmark's throughput into messages per
 * core: user + system time, in seconds, at the kernel's usual 100 ticks per second.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** The process's own CPU time. */
    static double seconds(long pid) throws IOException {
        String[] fields = fields(pid);
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * A server and its workers: the parent's time, its reaped children's (PostgreSQL's ended backends), and its
     * children still running.
     */
    static double treeSeconds(long parent) throws IOException {
        String[] own = fields(parent);
        double total = (Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
                + Long.parseLong(own[14])) / TICKS_PER_SECOND;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                try {
                    if (Long.parseLong(fields(pid)[1]) == parent) {
                        total += seconds(pid);
                    }
                } catch (IOException | RuntimeException ended) {
                    // gone since the directory was listed
                }
            }
        }
        return total;
    }

    /** The fields after the command name: state, ppid, ... (index 11 = utime, 12 = stime, 13/14 = children's). */
    private static String[] fields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
