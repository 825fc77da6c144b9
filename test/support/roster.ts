/** The header of a roster file, in the columns the import reads. */
export const ROSTER_HEADER = 'employeeNo,name,email,aadObjectId,department,section,grade,managerEmail,roles';
