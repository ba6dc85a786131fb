export interface AssignCounsellorInput {
  founderId: string;
  applicationId: string;
}

export interface AssignCounsellorResult {
  assignmentId: string;
  counsellorId: string;
}

export interface JourneyActivities {
  assignCounsellor(input: AssignCounsellorInput): Promise<AssignCounsellorResult>;
}
