extension CallResult {
    /// `answered`, or `unanswered:` and the reason: one plain string, so a database column stays searchable.
    public var storageValue: String {
        switch self {
        case .answered: "answered"
        case .unanswered(let reason): "unanswered:\(reason.rawValue)"
        }
    }

    public init?(storageValue: String) {
        if storageValue == "answered" {
            self = .answered
            return
        }
        let parts = storageValue.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0] == "unanswered", let reason = UnansweredReason(rawValue: String(parts[1]))
        else { return nil }
        self = .unanswered(reason)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = CallResult(storageValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown call result \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(storageValue)
    }
}
