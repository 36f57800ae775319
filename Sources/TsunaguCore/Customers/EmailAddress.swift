/// A deliberately plain check of a mail address: one `@`, a dot in the domain, no spaces. Whether the mailbox
/// exists only a mail server can tell.
public enum EmailAddress {
    public static func isPlausible(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count <= 254 else { return false }
        var localLength = 0
        var atSeen = false
        var labels = 0
        var labelLength = 0
        var previous: UInt8 = 0
        let (at, dot, hyphen) = (UInt8(ascii: "@"), UInt8(ascii: "."), UInt8(ascii: "-"))
        for byte in bytes {
            if byte <= 0x20 || byte == 0x7F { return false }
            if !atSeen {
                if byte == at {
                    guard localLength > 0, localLength <= 64 else { return false }
                    atSeen = true
                } else {
                    localLength += 1
                }
            } else if byte == at {
                return false
            } else if byte == dot {
                // A domain label is not empty and neither starts nor ends with a hyphen.
                guard labelLength > 0, previous != hyphen else { return false }
                labels += 1
                labelLength = 0
            } else {
                if labelLength == 0 && byte == hyphen { return false }
                labelLength += 1
            }
            previous = byte
        }
        guard atSeen, labelLength > 0, previous != hyphen else { return false }
        return labels + 1 >= 2
    }
}
