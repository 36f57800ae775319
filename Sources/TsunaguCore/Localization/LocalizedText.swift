/// A message a person reads, in every language the interface speaks.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var ja: String
    public var en: String

    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    public func text(in language: Language) -> String {
        switch language {
        case .ja: ja
        case .en: en
        }
    }
}

/// Something that can explain itself to a person (an error, a warning, a notice).
public protocol UserExplainable: Sendable {
    var explanation: LocalizedText { get }
}
