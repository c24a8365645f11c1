/// First names of many languages, for recognising the shape of a person's name.
/// Data: see GivenNames.generated.swift for the sources and licence.
public enum GivenNames {
    public static let all: Set<String> = Set(list.split(separator: "\n").map(String.init))
}

/// Cities and U.S. states: names that are places, so never a person ("Georgia", "Jackson").
public enum PlaceNames {
    public static let all: Set<String> = Set(list.split(separator: "\n").map(String.init))
}
