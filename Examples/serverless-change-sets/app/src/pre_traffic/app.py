import os

import boto3

codedeploy = boto3.client("codedeploy")
lambda_ = boto3.client("lambda")


def handler(event, context):
    """Invokes the new version once before CodeDeploy shifts traffic to it; a failure stops the deployment."""
    status = "Succeeded"
    try:
        response = lambda_.invoke(FunctionName=os.environ["NEW_VERSION"], Payload=b'{"path": "/version"}')
        if response.get("FunctionError"):
            status = "Failed"
    except Exception:
        status = "Failed"
    codedeploy.put_lifecycle_event_hook_execution_status(
        deploymentId=event["DeploymentId"], lifecycleEventHookExecutionId=event["LifecycleEventHookExecutionId"], status=status
    )
