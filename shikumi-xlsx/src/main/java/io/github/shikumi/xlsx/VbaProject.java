package io.github.shikumi.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * A VBA project ({@code xl/vbaProject.bin}) holding standard modules, written from the documented formats:
 * the compound file (MS-CFB) by Apache POI's POIFS, and inside it, by this class, the streams of MS-OVBA:
 * {@code VBA/_VBA_PROJECT} (version-independent: no performance cache, so the host compiles the source),
 * {@code VBA/dir} (project and module records, compressed), one module stream per module (its source,
 * compressed; MS-OVBA 2.4.1 compression in {@link OvbaCompression}), {@code PROJECT} and {@code PROJECTwm}.
 *
 * <p>Source is stored in the project's code page: Windows-1252 when it is ASCII, else Windows-31J (Japanese).
 */
final class VbaProject {
    /** A standard module: its name and its source lines (without the Attribute line, which is added). */
    record Module(String name, List<String> lines) {
    }

    private static final String PROJECT_ID = "{9E394C0B-697E-4AEE-9FA6-446F51FB30DC}";

    private VbaProject() {
    }

    static byte[] write(String projectName, List<Module> modules) throws IOException {
        boolean ascii = modules.stream().allMatch(m -> m.lines().stream().allMatch(l -> l.chars().allMatch(c -> c < 128)));
        int codePage = ascii ? 1252 : 932;
        Charset cs = Charset.forName(ascii ? "windows-1252" : "windows-31j");
        for (Module m : modules) {
            if (!cs.newEncoder().canEncode(source(m))) {
                throw new IllegalArgumentException("module " + m.name() + " has characters that " + cs + " cannot hold");
            }
        }
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry vba = fs.createDirectory("VBA");
            // _VBA_PROJECT: Reserved1 0x61CC, Version 0xFFFF (none: the source is compiled on opening), 0x00, 0x0000
            vba.createDocument("_VBA_PROJECT", new ByteArrayInputStream(new byte[] {(byte) 0xCC, 0x61, (byte) 0xFF, (byte) 0xFF, 0, 0, 0}));
            vba.createDocument("dir", new ByteArrayInputStream(OvbaCompression.compress(dir(projectName, modules, codePage, cs))));
            for (Module m : modules) {
                vba.createDocument(m.name(), new ByteArrayInputStream(OvbaCompression.compress(source(m).getBytes(cs))));
            }
            fs.getRoot().createDocument("PROJECT", new ByteArrayInputStream(project(projectName, modules).getBytes(cs)));
            fs.getRoot().createDocument("PROJECTwm", new ByteArrayInputStream(projectWm(modules, cs)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** The module's source as stored: its name attribute, then its lines, each ended by CR LF. */
    static String source(Module m) {
        StringBuilder sb = new StringBuilder("Attribute VB_Name = \"").append(m.name()).append("\"\r\n");
        for (String line : m.lines()) {
            sb.append(line).append("\r\n");
        }
        return sb.toString();
    }

    /** The dir stream's records (MS-OVBA 2.3.4.2), uncompressed. */
    private static byte[] dir(String projectName, List<Module> modules, int codePage, Charset cs) {
        Records r = new Records();
        r.u32(0x0001, 1); // PROJECTSYSKIND: 32-bit Windows
        r.u32(0x0002, 0x0409); // PROJECTLCID
        r.u32(0x0014, 0x0409); // PROJECTLCIDINVOKE
        r.u16(0x0003, codePage); // PROJECTCODEPAGE
        r.bytes(0x0004, projectName.getBytes(cs)); // PROJECTNAME
        r.bytes(0x0005, new byte[0]); // PROJECTDOCSTRING
        r.bytes(0x0040, new byte[0]); //   ... its Unicode form
        r.bytes(0x0006, new byte[0]); // PROJECTHELPFILEPATH
        r.bytes(0x003D, new byte[0]); //   ... second path
        r.u32(0x0007, 0); // PROJECTHELPCONTEXT
        r.u32(0x0008, 0); // PROJECTLIBFLAGS
        r.id(0x0009); // PROJECTVERSION: Reserved 4, major (4 bytes), minor (2 bytes)
        r.raw32(4);
        r.raw32(1);
        r.raw16(0);
        r.bytes(0x000C, new byte[0]); // PROJECTCONSTANTS
        r.bytes(0x003C, new byte[0]); //   ... Unicode
        r.u16(0x000F, modules.size()); // PROJECTMODULES: count
        r.u16(0x0013, 0xFFFF); // PROJECTCOOKIE
        for (Module m : modules) {
            r.bytes(0x0019, m.name().getBytes(cs)); // MODULENAME
            r.bytes(0x0047, m.name().getBytes(StandardCharsets.UTF_16LE)); // MODULENAMEUNICODE
            r.bytes(0x001A, m.name().getBytes(cs)); // MODULESTREAMNAME
            r.bytes(0x0032, m.name().getBytes(StandardCharsets.UTF_16LE));
            r.bytes(0x001C, new byte[0]); // MODULEDOCSTRING
            r.bytes(0x0048, new byte[0]);
            r.u32(0x0031, 0); // MODULEOFFSET: the source starts the stream (no performance cache)
            r.u32(0x001E, 0); // MODULEHELPCONTEXT
            r.u16(0x002C, 0xFFFF); // MODULECOOKIE
            r.id(0x0021); // MODULETYPE: procedural (a standard module)
            r.raw32(0);
            r.id(0x002B); // module terminator
            r.raw32(0);
        }
        r.id(0x0010); // dir terminator
        r.raw32(0);
        return r.out.toByteArray();
    }

    /** The PROJECT stream (MS-OVBA 2.3.1): the project's properties as text, no protection, visible. */
    private static String project(String projectName, List<Module> modules) {
        StringBuilder sb = new StringBuilder("ID=\"").append(PROJECT_ID).append("\"\r\n");
        for (Module m : modules) {
            sb.append("Module=").append(m.name()).append("\r\n");
        }
        sb.append("Name=\"").append(projectName).append("\"\r\n");
        sb.append("HelpContextID=\"0\"\r\n");
        sb.append("VersionCompatible32=\"393222000\"\r\n");
        sb.append("CMG=\"").append(DataEncryption.encrypt(PROJECT_ID, new byte[] {0, 0, 0, 0}, 0x11)).append("\"\r\n");
        sb.append("DPB=\"").append(DataEncryption.encrypt(PROJECT_ID, new byte[] {0}, 0x23)).append("\"\r\n");
        sb.append("GC=\"").append(DataEncryption.encrypt(PROJECT_ID, new byte[] {(byte) 0xFF}, 0x35)).append("\"\r\n");
        sb.append("\r\n[Host Extender Info]\r\n&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000\r\n");
        return sb.toString();
    }

    /** PROJECTwm: each module's name in the code page and in UTF-16, then a 16-bit 0. */
    private static byte[] projectWm(List<Module> modules, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Module m : modules) {
            out.writeBytes(m.name().getBytes(cs));
            out.write(0);
            out.writeBytes(m.name().getBytes(StandardCharsets.UTF_16LE));
            out.write(0);
            out.write(0);
        }
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }

    /** dir records: a 16-bit id, a 32-bit size, the data (all little-endian). */
    private static final class Records {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void id(int id) {
            raw16(id);
        }

        void u16(int id, int v) {
            raw16(id);
            raw32(2);
            raw16(v);
        }

        void u32(int id, int v) {
            raw16(id);
            raw32(4);
            raw32(v);
        }

        void bytes(int id, byte[] data) {
            raw16(id);
            raw32(data.length);
            out.writeBytes(data);
        }

        void raw16(int v) {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
        }

        void raw32(int v) {
            raw16(v & 0xFFFF);
            raw16(v >>> 16);
        }
    }

    /**
     * MS-OVBA 2.4.3 data encryption of the PROJECT stream's CMG, DPB and GC values (an obfuscation with a
     * seed, keyed by the project id), written as upper-case hex.
     */
    static final class DataEncryption {
        private DataEncryption() {
        }

        static String encrypt(String projectId, byte[] data, int seed) {
            int version = 2;
            int projectKey = 0;
            for (byte b : projectId.getBytes(StandardCharsets.US_ASCII)) {
                projectKey = (projectKey + (b & 0xFF)) & 0xFF;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(seed);
            int versionEnc = version ^ seed;
            out.write(versionEnc);
            int projectKeyEnc = projectKey ^ seed;
            out.write(projectKeyEnc);
            int unencryptedByte1 = projectKey;
            int encryptedByte1 = projectKeyEnc;
            int encryptedByte2 = versionEnc;
            int ignoredLength = (seed & 6) / 2;
            for (int i = 0; i < ignoredLength; i++) {
                int tempValue = 7;
                int byteEnc = tempValue ^ ((encryptedByte2 + unencryptedByte1) & 0xFF);
                out.write(byteEnc);
                encryptedByte2 = encryptedByte1;
                encryptedByte1 = byteEnc;
                unencryptedByte1 = tempValue;
            }
            byte[] length = {(byte) data.length, (byte) (data.length >>> 8), (byte) (data.length >>> 16), (byte) (data.length >>> 24)};
            byte[] all = new byte[4 + data.length];
            System.arraycopy(length, 0, all, 0, 4);
            System.arraycopy(data, 0, all, 4, data.length);
            for (byte b : all) {
                int v = b & 0xFF;
                int byteEnc = v ^ ((encryptedByte2 + unencryptedByte1) & 0xFF);
                out.write(byteEnc);
                encryptedByte2 = encryptedByte1;
                encryptedByte1 = byteEnc;
                unencryptedByte1 = v;
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : out.toByteArray()) {
                hex.append(String.format("%02X", b & 0xFF));
            }
            return hex.toString();
        }
    }
}
