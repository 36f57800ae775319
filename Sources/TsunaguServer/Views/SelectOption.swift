/// One choice of a select box or a checkbox group in a page.
struct SelectOption: Encodable {
    var value: String
    var label: String
    var selected: Bool
}
