/// The 47 prefectures (都道府県), in the order of the national prefecture codes.
public enum Prefecture {
    public static let all: [String] = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
        "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
        "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
        "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]

    /// The full name for a prefecture written with or without its suffix (東京 → 東京都), or nil.
    /// Compares UTF-8 bytes: no hashing or normalisation on the import path.
    public static func canonical(_ text: String) -> String? {
        let bytes = Array(text.trimmingWhitespace().utf8)
        for (index, full) in utf8Names.enumerated() {
            if bytes.count == full.count && bytes == full { return all[index] }
            // 都, 府 and 県 are three UTF-8 bytes each; 北海道 (index 0) has no suffix to drop.
            if index > 0 && bytes.count == full.count - 3 && full.starts(with: bytes) { return all[index] }
        }
        return nil
    }

    private static let utf8Names: [[UInt8]] = all.map { Array($0.utf8) }

    /// Splits an address that starts with a prefecture: 東京都新宿区… → (東京都, 新宿区…).
    public static func split(address: String) -> (prefecture: String, rest: String)? {
        let bytes = Array(address.trimmingWhitespace().utf8)
        for (index, name) in utf8Names.enumerated() where bytes.starts(with: name) {
            return (all[index], String(decoding: bytes[name.count...], as: UTF8.self).trimmingWhitespace())
        }
        return nil
    }
}
