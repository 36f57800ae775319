/// The languages the user interface speaks. Japanese is the default, as in the manual.
public enum Language: String, Sendable, CaseIterable, Codable {
    case ja
    case en

    public static let `default`: Language = .ja

    /// Picks the first supported language from an `Accept-Language` header value, or Japanese.
    public static func preferred(fromAcceptLanguage header: String?) -> Language {
        guard let header else { return .default }
        let ranked = header.split(separator: ",").compactMap { part -> (Language, Double)? in
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary) else { return nil }
            let quality =
                pieces.dropFirst().compactMap { parameter -> Double? in
                    let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=")
                    guard pair.count == 2, pair[0] == "q" else { return nil }
                    return Double(pair[1])
                }.first ?? 1
            return (language, quality)
        }
        return ranked.filter { $0.1 > 0 }.max { $0.1 < $1.1 }?.0 ?? .default
    }
}
