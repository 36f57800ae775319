/// A deliberately plain check of a mail address: one `@`, a dot in the domain, no spaces. Whether the mailbox
/// exists only a mail server can tell.
public enum EmailAddress {
    public static func isPlausible(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return false }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let hyphen = UInt8(ascii: "-")
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && $0.first != hyphen && $0.last != hyphen }
    }
}
