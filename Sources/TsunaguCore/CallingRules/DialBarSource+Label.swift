extension DialBarSource {
    /// 種別 on the 架電禁止リスト page and in its CSV: 架電禁止(手動), 架電禁止(CSV) or 勧誘お断り.
    public var label: Label {
        switch self {
        case .refusal: .doNotCallSourceRefusal
        case .manual: .doNotCallSourceManual
        case .csvImport: .doNotCallSourceImport
        }
    }
}
