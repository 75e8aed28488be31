package io.github.shikumi.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Rewrites the .xlsx package POI wrote so that the same workbook gives the same bytes on every run, JVM,
 * machine and time zone: the same entries with the same contents in the order POI wrote them, each
 * deflated again at the default level, every entry's time {@link #ENTRY_TIME} (1980-02-01 00:00, written
 * as a plain DOS date and time, so no time zone enters) and no extra fields, no comments. Not 1980-01-01
 * 00:00, the earliest DOS time: java.util.zip takes that value for "before 1980" and adds an extended
 * timestamp in UTC computed from the local time zone (different bytes in every zone). POI itself writes entries through commons-compress with times and zip64 data
 * descriptors of its own choosing, which this does not depend on.
 */
final class StableZip {
    /** The time of every entry. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private StableZip() {
    }

    /** Writes the package {@code zip} to {@code out} (not closed) with fixed entry times. */
    static void rewrite(byte[] zip, OutputStream out) throws IOException {
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            ZipOutputStream z = new ZipOutputStream(new NonClosing(out));
            z.setLevel(Deflater.DEFAULT_COMPRESSION);
            z.setMethod(ZipOutputStream.DEFLATED);
            for (Enumeration<ZipArchiveEntry> e = in.getEntriesInPhysicalOrder(); e.hasMoreElements(); ) {
                ZipArchiveEntry source = e.nextElement();
                ZipEntry entry = new ZipEntry(source.getName());
                entry.setTimeLocal(ENTRY_TIME);
                z.putNextEntry(entry);
                try (InputStream data = in.getInputStream(source)) {
                    data.transferTo(z);
                }
                z.closeEntry();
            }
            z.close(); // writes the central directory; NonClosing keeps out open
        }
    }

    /** Passes everything on but close (which only flushes). */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
