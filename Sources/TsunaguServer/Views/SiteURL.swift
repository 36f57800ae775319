import Foundation

/// Every page and endpoint, so routes and links are built from one list.
enum SiteURL {
    case home
    case login
    case logout
    case health
    case customers

    var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .logout: "/logout"
        case .health: "/health"
        case .customers: "/customers"
        }
    }
}

extension SiteURL {
    /// RFC 3986 unreserved characters stay as they are in a query value; everything else is percent-encoded.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// A filter page's query string for another page of the same search.
    static func query(_ fields: [String: String], keys: [String], repeated: [String: [String]] = [:], page: Int)
        -> String
    {
        func encoded(_ value: String) -> String { value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }
        var items = keys.compactMap { key in fields[key].map { "\(key)=\(encoded($0))" } }
        for (key, values) in repeated.sorted(by: { $0.key < $1.key }) {
            items += values.map { "\(key)=\(encoded($0))" }
        }
        items.append("page=\(page)")
        return "?" + items.joined(separator: "&")
    }
}
