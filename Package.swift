// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "tsunagu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tsunagu", targets: ["tsunagu"]),
        .library(name: "TsunaguCore", targets: ["TsunaguCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.0"),
        .package(url: "https://github.com/vapor/websocket-kit.git", from: "2.16.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    ],
    targets: [
        // Pure rules: Foundation only, no I/O.
        .target(name: "TsunaguCore", swiftSettings: strictSettings),
        // The Telephony protocol and its providers: the simulated carrier and the SIP trunk.
        .target(
            name: "Telephony",
            dependencies: ["TsunaguCore", "SIP", "Media", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings),
        // rtpengine's ng control protocol (bencode over UDP) on SwiftNIO: the browser's WebRTC leg to the trunk's RTP.
        .target(
            name: "Media",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // SIP (RFC 3261): messages, digest auth, transactions, transports and a UAC on SwiftNIO, without Vapor.
        .target(
            name: "SIP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // SMTP submission (RFC 5321, STARTTLS, AUTH) on SwiftNIO, without Vapor.
        .target(
            name: "Mail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TsunaguServer",
            dependencies: [
                "TsunaguCore",
                "Telephony",
                "Media",
                "Mail",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "tsunagu",
            dependencies: ["TsunaguServer", .product(name: "Vapor", package: "vapor")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "TsunaguBenchmarks",
            dependencies: [
                "TsunaguCore",
                "TsunaguServer",
                "Telephony",
                "SIP",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "WebSocketKit", package: "websocket-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Benchmarks/TsunaguBenchmarks",
            swiftSettings: strictSettings
        ),
        // Fixtures/ holds the Cabinet Office's list of holidays.
        .testTarget(
            name: "TsunaguCoreTests", dependencies: ["TsunaguCore"], resources: [.copy("Fixtures")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TelephonyTests", dependencies: ["Telephony", "SIP", "Media", "SIPTestSupport", "MediaTestSupport"],
            swiftSettings: strictSettings),
        // A real SIPp for the SIP and telephony tests.
        .target(name: "SIPTestSupport", path: "Tests/SIPTestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "SIPTests",
            dependencies: ["SIP", "SIPTestSupport", .product(name: "NIOTestUtils", package: "swift-nio")],
            // SIPp/ holds SIPp's scenario files, read by SIPp itself, not bundled.
            exclude: ["SIPp"], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "MailTests", dependencies: ["Mail"], swiftSettings: strictSettings),
        // A real rtpengine for the media tests.
        .target(name: "MediaTestSupport", path: "Tests/MediaTestSupport", swiftSettings: strictSettings),
        .testTarget(
            name: "MediaTests", dependencies: ["Media", "MediaTestSupport"], resources: [.copy("Fixtures")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "TsunaguServerTests",
            dependencies: [
                "TsunaguServer",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
