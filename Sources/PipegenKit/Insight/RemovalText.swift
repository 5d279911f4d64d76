extension RemovalReport {
    /// The report as `render` and `check` print it; empty when there is nothing to delete.
    /// Steps in the order that works: deploy the updated tooling stacks (no pipeline deploys
    /// to what goes, and none names its roles), delete the application stacks the pipelines
    /// deployed there (while their execution role exists), then pipegen's own stacks.
    public func text(folder: String) -> String {
        var out: [String] = []
        if !unidentified.isEmpty {
            out.append("")
            out += Wrap.lines(
                "pipegen wrote \(unidentified.map { "'\(Self.join(folder, $0))'" }.joined(separator: ", ")), but "
                    + (unidentified.count == 1 ? "it does" : "they do") + " not say which stack "
                    + (unidentified.count == 1 ? "it" : "they") + " deployed (edited by hand?): check your accounts for "
                    + (unidentified.count == 1 ? "a stack made from it" : "stacks made from them") + ".", indent: "")
        }
        guard !stacks.isEmpty else { return out.isEmpty ? "" : out.joined(separator: "\n") + "\n" }
        let count = stacks.count + applications.count
        out.append("")
        out.append(
            count == 1 && deployFirst.isEmpty
                ? "The config no longer deploys this stack; delete it:"
                : "The config no longer deploys \(count == 1 ? "this stack" : "these stacks"); remove "
                    + (count == 1 ? "it" : "them") + " in this order:")
        var number = 0
        func heading(_ text: String) {
            number += 1
            out.append("")
            let lead = "\(number). "
            out += Wrap.lines(lead + text, indent: "", hanging: String(repeating: " ", count: max(lead.count, 3)))
        }
        if !deployFirst.isEmpty {
            let one = deployFirst.count == 1
            heading(
                "Deploy the updated tooling \(one ? "stack" : "stacks") first, so that no pipeline deploys to the stacks "
                    + "below any more:")
            for (i, stack) in deployFirst.enumerated() {
                if i > 0 { out.append("") }
                out.append("     " + stack.command.joined(separator: " \\\n       "))
            }
        }
        for stack in applications {
            heading(
                "\(stack.stackName): \(place(stack)), the stack the pipeline \(stack.deployedBy ?? "") deployed. "
                    + "Delete it while its execution role \(stack.executionRole ?? "") (in a stack below) exists: "
                    + "CloudFormation deletes a stack with its role. What it created goes with it, except retained resources.")
            out += commands(stack)
        }
        for stack in stacks {
            heading("\(stack.stackName): \(place(stack))" + (stack.file.map { " (from \(Self.join(folder, $0)))" } ?? ""))
            if let moved = stack.movedTo {
                let sameAccount = moved.account == stack.account
                out += Wrap.lines(
                    "The config now deploys this stack in account \(moved.account), \(moved.region)."
                        + (sameAccount
                            ? " Delete the old stack before deploying the new one: both create the same named roles."
                            : ""), indent: "   ")
            }
            out += commands(stack)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `account 222222222222, eu-west-1`, with the profile to create when the config no
    /// longer names the account.
    func place(_ stack: Stack) -> String {
        let account =
            stack.profileIsNew
            ? "account \(stack.account) (no longer in the config: profile \(stack.profile))"
            : "account \(stack.account)"
        return "\(account), \(stack.region)"
    }

    func commands(_ stack: Stack) -> [String] {
        let at = "--region \(stack.region) --profile \(stack.profile)"
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
