/// How a number or a customer came to be barred from dialling.
public enum DialBarSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// 「今後の勧誘お断り」 marked on the phone screen (再勧誘の禁止, 特定商取引法 §17).
    case refusal
    /// Added to the 架電禁止リスト by a manager.
    case manual
    /// Imported into the 架電禁止リスト from a CSV file.
    case csvImport = "import"
}
