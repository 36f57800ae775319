import Foundation

extension Label {
    /// Every label in one language, by case name: what a Leaf template reads as `t`.
    public static func all(in language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.text(in: language)) })
    }

    /// The phone screen's labels (the `phone…` cases) in one language, as the one JSON object its script reads.
    public static func phoneScreenJSON(in language: Language) -> String {
        let labels = Dictionary(
            uniqueKeysWithValues: allCases.filter(\.isForPhoneScreen).map { ($0.rawValue, $0.text(in: language)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding a [String: String] cannot fail.
        let data = (try? encoder.encode(labels)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether the phone screen's script gets this label.
    public var isForPhoneScreen: Bool { rawValue.hasPrefix("phone") }
}
