import TsunaguServer

try await Launcher.run()
