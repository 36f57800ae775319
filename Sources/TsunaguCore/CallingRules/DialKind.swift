/// Who decided a dial, which decides the rules it answers to.
public enum DialKind: String, Sendable, Hashable, Codable {
    /// Placed by auto-dial: 開始, or the walk moving on after a call. Held back by the redial limit and the retry
    /// rules.
    case automatic
    /// 発信 on a row: counted by the redial limit but never held back by it; the retry rules apply.
    case manualRow
    /// A number typed on the dial pad: counted, never held back by the redial limit or the retry rules.
    case dialPad
    /// 110, 118 or 119 from the dial pad: no calling rule ever blocks it (端末設備等規則's 非常 exception).
    case emergency

    /// Emergency numbers the dial pad always dials as typed: 警察 110, 海上保安庁 118, 消防・救急 119.
    public static let emergencyNumbers: Set<String> = ["110", "118", "119"]
}
