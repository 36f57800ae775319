/// The key code of a password reset mail (manual §4-4): 20 hexadecimal characters, valid 5 minutes, used once.
public enum ResetKeyCode {
    public static let length = 20
    public static let lifetimeSeconds: Double = 5 * 60

    public static func generate(using generator: inout some RandomNumberGenerator) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<length).map { _ in digits[Int.random(in: 0..<16, using: &generator)] })
    }

    /// Whether `text` has the shape of a key code (case-insensitive, surrounding spaces allowed).
    public static func normalized(_ text: String) -> String? {
        let value = text.trimmingWhitespace().lowercased()
        guard value.count == length, value.allSatisfy({ $0.isHexDigit }) else { return nil }
        return value
    }
}
