import Foundation
import TsunaguServer

// A refused setting or a port in use ends with one line and its exit status (`tsunagu --help`), not a crash.
do {
    try await Launcher.run()
} catch {
    let failure = LaunchFailure(error)
    FileHandle.standardError.write(Data("tsunagu: \(failure.message)\n".utf8))
    exit(failure.exitCode)
}
