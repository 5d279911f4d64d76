extension RemovalReport {
    /// The report as `render` and `check` print it; empty when there is nothing to delete.
    public func text(folder: String) -> String {
        guard !stacks.isEmpty else { return "" }
        var out = [
            "",
            stacks.count == 1
                ? "The config no longer deploys this stack; delete it:"
                : "The config no longer deploys these stacks; delete them in this order (the reverse of deploying):",
        ]
        for (i, stack) in stacks.enumerated() {
            out.append("")
            let place = [stack.account.map { "account \($0)" }, stack.region].compactMap { $0 }.joined(separator: ", ")
            out += Wrap.lines(
                "\(i + 1). \(stack.stackName)" + (place.isEmpty ? "" : ": \(place)") + " (from \(Self.join(folder, stack.file)))",
                indent: "", hanging: "   ")
            if let moved = stack.movedTo {
                out += Wrap.lines(
                    "The config now deploys this template as \(moved). Delete the old stack before deploying the new one "
                        + "into the same account: both create the same named roles.", indent: "   ")
            }
            if stack.account == nil || stack.region == nil {
                out += Wrap.lines(
                    "The file does not say where the stack is: check the account and region before running these.", indent: "   ")
            }
            out += commands(stack)
        }
        return out.joined(separator: "\n") + "\n"
    }

    func commands(_ stack: Stack) -> [String] {
        let at = "--region \(stack.region ?? "REGION") --profile \(stack.profile)"
        let keys = stack.retained.filter { $0.type.hasPrefix("AWS::KMS::") }
        var out: [String] = []
        // The alias goes with the stack, so a key's id must be read while the stack exists.
        for key in keys {
            out.append(
                "     \(variable(key))=\"$(aws cloudformation describe-stack-resource --stack-name \(stack.stackName)"
                    + " --logical-resource-id \(key.logicalId) --query StackResourceDetail.PhysicalResourceId --output text \(at))\"")
        }
        out.append("     aws cloudformation delete-stack --stack-name \(stack.stackName) \(at)")
        out.append("     aws cloudformation wait stack-delete-complete --stack-name \(stack.stackName) \(at)")
        guard !stack.retained.isEmpty else { return out }
        out += Wrap.lines("These resources stay behind (DeletionPolicy: Retain); empty and delete them by hand:", indent: "   ")
        for r in stack.retained {
            let named = r.name.map { " \($0)" } ?? " \(r.logicalId)"
            switch r.type {
            case "AWS::S3::Bucket":
                out += Wrap.lines(
                    "- S3 bucket\(named): empty every object version first (the S3 console's Empty button does), then",
                    indent: "   ", hanging: "     ")
                out.append("       aws s3api delete-bucket --bucket \(r.name ?? "BUCKET") \(at)")
            case "AWS::KMS::Key", "AWS::KMS::ReplicaKey":
                let what = r.type == "AWS::KMS::Key" ? "KMS key" : "KMS replica key"
                let alias = r.name.map { " (alias \($0))" } ?? ""
                out += Wrap.lines(
                    "- \(what) \(r.logicalId)\(alias): schedule its deletion (replicas before their primary key)",
                    indent: "   ", hanging: "     ")
                out.append("       aws kms schedule-key-deletion --key-id \"$\(variable(r))\" --pending-window-in-days 30 \(at)")
            case "AWS::ECR::Repository":
                out.append("   - ECR repository\(named) and its images:")
                out.append("       aws ecr delete-repository --repository-name \(r.name ?? r.logicalId) --force \(at)")
            case "AWS::CodeCommit::Repository":
                out.append("   - CodeCommit repository\(named), which holds your code: clone or mirror it first")
                out.append("       aws codecommit delete-repository --repository-name \(r.name ?? r.logicalId) \(at)")
            default:
                out.append("   - \(r.type)\(named): delete it by hand")
            }
        }
        return out
    }

    /// The shell variable that holds a key's id between the commands.
    func variable(_ key: Retained) -> String {
        "key_" + key.logicalId.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : "\(folder)/\(name)"
    }
}
