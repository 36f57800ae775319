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

/// What 顧客一覧 shows on a customer that may not be dialled: 勧誘お断り when a refusal bars it (the customer's own,
/// or one on its number), 架電禁止 when only the 架電禁止リスト does.
public enum DialBarMark: Sendable, Equatable {
    case refusal
    case doNotCall

    /// The mark for the bars in force on one customer and its number; nil when none is.
    public init?(sources: some Sequence<DialBarSource>) {
        var any = false
        for source in sources {
            if source == .refusal {
                self = .refusal
                return
            }
            any = true
        }
        guard any else { return nil }
        self = .doNotCall
    }

    public var label: Label {
        switch self {
        case .refusal: .doNotCallSourceRefusal
        case .doNotCall: .doNotCallMark
        }
    }
}
