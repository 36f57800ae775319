/// 区分: a company or a private person.
public enum CustomerKind: String, Sendable, Codable, CaseIterable {
    case corporate
    case individual

    public var label: LocalizedText {
        switch self {
        case .corporate: Label.customerKindCorporate.text
        case .individual: Label.customerKindIndividual.text
        }
    }

    /// Reads 法人/個人 and their English names.
    public init?(text: String) {
        switch text {
        case "法人":
            self = .corporate
            return
        case "個人":
            self = .individual
            return
        default: break
        }
        switch text.trimmingWhitespace().lowercased() {
        case "法人", "corporate", "company", "corporation", "business", "b2b": self = .corporate
        case "個人", "individual", "person", "personal", "private", "b2c": self = .individual
        default: return nil
        }
    }
}
