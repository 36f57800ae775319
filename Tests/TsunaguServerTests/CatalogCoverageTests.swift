import Foundation
import Testing
import TsunaguCore

/// The one label catalog (`Label`, `Message`) against every place that reads it: the Leaf templates, the phone
/// screen's ES modules and the Swift sources.
@Suite struct CatalogCoverageTests {
    /// Every `#(t.key)` a template uses is a label of the catalog.
    @Test func everyTemplateKeyExists() throws {
        let known = Set(Label.allCases.map(\.rawValue))
        for (file, text) in try Repository.files(under: "Sources/TsunaguServer/Resources/Views", ending: ".leaf") {
            let missing = CatalogUsage.templateKeys(in: text).subtracting(known)
            #expect(missing.isEmpty, "\(file) uses labels that are not in the catalog: \(missing.sorted())")
        }
    }

    /// Every `labels.key` a phone-screen module uses is a label the screen is sent.
    @Test func everyScriptKeyExists() throws {
        let sent = Set(Label.allCases.filter(\.isForPhoneScreen).map(\.rawValue))
        let json = try JSONDecoder().decode([String: String].self, from: Data(Label.phoneScreenJSON(in: .ja).utf8))
        #expect(Set(json.keys) == sent)
        for (file, text) in try Repository.files(under: "Sources/TsunaguServer/Resources/Public/js", ending: ".js") {
            let missing = CatalogUsage.scriptKeys(in: text).subtracting(sent)
            #expect(missing.isEmpty, "\(file) uses labels the phone screen is not sent: \(missing.sorted())")
        }
    }

    /// No script looks a label up by a key it builds at run time (`labels[...]`, `labels["stage_" + …]`).
    @Test func noScriptBuildsAKey() throws {
        for (file, text) in try Repository.files(under: "Sources/TsunaguServer/Resources/Public/js", ending: ".js") {
            let built = CatalogUsage.builtKeyLookups(in: text)
            #expect(built.isEmpty, "\(file) builds label keys at run time: \(built)")
        }
    }

    /// Every label and every message is used somewhere: by a template, a script or Swift code.
    @Test func noKeyIsUnused() throws {
        let usage = try CatalogUsage.ofRepository()
        let unusedLabels = Label.allCases.map(\.rawValue).filter { !usage.uses(label: $0) }
        #expect(unusedLabels.isEmpty, "labels nobody uses: \(unusedLabels)")
        let messages = try CatalogUsage.messageCases(
            in: Repository.text(of: "Sources/TsunaguCore/Catalog/Message.swift"))
        #expect(messages.count > 20)
        let unusedMessages = messages.filter { !usage.uses(message: $0) }
        #expect(unusedMessages.isEmpty, "messages nobody uses: \(unusedMessages)")
    }

    /// Texts are written only in the catalog: no `LocalizedText(ja:…)` elsewhere, and no label built from a string.
    @Test func textsLiveOnlyInTheCatalog() throws {
        for (file, text) in try Repository.files(under: "Sources", ending: ".swift")
        where !file.hasPrefix("Sources/TsunaguCore/Catalog/") && !file.hasSuffix("LocalizedText.swift") {
            #expect(!text.contains("LocalizedText(ja:"), "\(file) writes a text outside the catalog")
            #expect(!text.contains("Label(rawValue:"), "\(file) builds a label key at run time")
        }
    }

    /// Every label has both languages and no `{placeholder}` left to replace by hand.
    @Test func everyLabelHasBothLanguages() {
        for label in Label.allCases {
            #expect(!label.text.ja.isEmpty && !label.text.en.isEmpty, "\(label) lacks a language")
            #expect(!label.text.ja.contains("{") && !label.text.en.contains("{"), "\(label) has a placeholder")
        }
    }

    /// Our screen is つなぐ/Phone: no label names the product Tsunagu replaces (MOT/Phone, MOTPhone).
    @Test func labelsNameOurOwnScreen() {
        for label in Label.allCases {
            #expect(!label.text.ja.contains("MOT") && !label.text.en.contains("MOT"), "\(label) names MOT")
        }
        #expect(Label.settingWorkListCap.text.ja.contains("つなぐ/Phone"))
    }

    // MARK: The checks themselves catch what they are for

    /// A key missing from the catalog, a misspelt key in a template and a key built in a script are all found.
    @Test func checksCatchDeletedMisspeltAndBuiltKeys() {
        let known = Set(Label.allCases.map(\.rawValue))
        let template = "<h1>#(t.loginTitle)</h1><p>#(t.loginTitel)</p>#if(nav.isAdmin):#(t.menuUsers)#endif"
        #expect(CatalogUsage.templateKeys(in: template).subtracting(known) == ["loginTitel"])
        let script = """
            el.textContent = labels.phoneStart;
            other.textContent = this.labels.phoneStartt;
            const stage = this.labels[`stage_${call.stage}`];
            const heading = labels["phoneColNo"];
            """
        #expect(CatalogUsage.scriptKeys(in: script) == ["phoneStart", "phoneStartt"])
        #expect(CatalogUsage.builtKeyLookups(in: script).count == 2)
        let usage = CatalogUsage(
            swift: "Label.loginTitle.text", templates: "#(t.menuUsers)", scripts: "labels.phoneStart")
        #expect(usage.uses(label: "loginTitle") && usage.uses(label: "menuUsers") && usage.uses(label: "phoneStart"))
        #expect(!usage.uses(label: "loginSubmit"))
        #expect(!CatalogUsage(swift: "Label.loginTitleLong", templates: "", scripts: "").uses(label: "loginTitle"))
        let messages = "public enum Message {\n    case loginSlowDown(seconds: Int)\n    case phoneRowCount(Int)\n}"
        #expect(CatalogUsage.messageCases(in: messages) == ["loginSlowDown", "phoneRowCount"])
        #expect(
            CatalogUsage(swift: "request.text(.loginSlowDown(seconds: 3))", templates: "", scripts: "")
                .uses(message: "loginSlowDown"))
    }
}

/// Where the catalog's keys are used, read from the repository's text.
struct CatalogUsage {
    var swift: String
    var templates: String
    var scripts: String

    static func ofRepository() throws -> CatalogUsage {
        let swift = try Repository.files(under: "Sources", ending: ".swift")
            .filter { $0.path != "Sources/TsunaguCore/Catalog/Label.swift" }.map(\.text).joined(separator: "\n")
        let templates = try Repository.files(under: "Sources/TsunaguServer/Resources/Views", ending: ".leaf")
            .map(\.text).joined(separator: "\n")
        let scripts = try Repository.files(under: "Sources/TsunaguServer/Resources/Public/js", ending: ".js")
            .map(\.text).joined(separator: "\n")
        return CatalogUsage(swift: swift, templates: templates, scripts: scripts)
    }

    func uses(label key: String) -> Bool {
        Self.templateKeys(in: templates).contains(key) || Self.scriptKeys(in: scripts).contains(key)
            || Self.matches(#"\.\#(key)(?![A-Za-z0-9_])"#, in: swift)
    }

    func uses(message key: String) -> Bool {
        Self.matches(#"\.\#(key)\("#, in: swift)
    }

    /// The keys a Leaf template reads from `t`.
    static func templateKeys(in text: String) -> Set<String> {
        Set(captures(#"(?<![A-Za-z0-9_.])t\.([A-Za-z0-9_]+)"#, in: text))
    }

    /// The keys a script reads as `labels.key` or `this.labels.key`.
    static func scriptKeys(in text: String) -> Set<String> {
        Set(captures(#"(?<![A-Za-z0-9_])labels\.([A-Za-z0-9_]+)"#, in: text))
    }

    /// Look-ups by a computed key: `labels[…]`.
    static func builtKeyLookups(in text: String) -> [String] {
        captures(#"(?<![A-Za-z0-9_])(labels\s*\[[^\]]*\])"#, in: text)
    }

    /// The case names declared in `Message.swift`.
    static func messageCases(in text: String) -> [String] {
        captures(#"(?m)^    case ([A-Za-z0-9_]+)"#, in: text)
    }

    private static func captures(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    private static func matches(_ pattern: String, in text: String) -> Bool {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// The repository's own files, found from this source file's place in it.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(of path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under a folder whose name ends so, with its path from the repository's root.
    static func files(under folder: String, ending suffix: String) throws -> [(path: String, text: String)] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        var files: [(path: String, text: String)] = []
        for case let url as URL in walker where url.lastPathComponent.hasSuffix(suffix) {
            let path = folder + url.path.dropFirst(base.path.count)
            files.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        #expect(!files.isEmpty, "no \(suffix) files under \(folder)")
        return files.sorted { $0.path < $1.path }
    }
}
