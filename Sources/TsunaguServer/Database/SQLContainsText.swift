import SQLKit

/// `column` holds `text` anywhere, as typed: `%`, `_` and `\` in it are literal. Latin letters match in either case
/// on both databases: SQLite's LIKE folds ASCII case, PostgreSQL's does not, so there it is ILIKE (which its trigram
/// indexes serve as well as LIKE).
struct SQLContainsText: SQLExpression {
    let column: any SQLExpression
    let text: String

    init(_ column: any SQLExpression, _ text: String) {
        self.column = column
        self.text = text
    }

    /// A LIKE pattern matching `text` anywhere, with `%` and `_` in it taken literally.
    static func pattern(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return "%" + escaped + "%"
    }

    func serialize(to serializer: inout SQLSerializer) {
        column.serialize(to: &serializer)
        if serializer.isPostgreSQL {
            // The backslash is PostgreSQL's escape already; without an ESCAPE clause the pattern reaches the trigram
            // index as it is.
            serializer.write(" ILIKE ")
            SQLBind(Self.pattern(text)).serialize(to: &serializer)
        } else {
            // SQLite honours backslash escapes only with the ESCAPE clause.
            serializer.write(" LIKE ")
            SQLBind(Self.pattern(text)).serialize(to: &serializer)
            serializer.write(" ESCAPE '\\'")
        }
    }
}
