import { TaskPriority, taskPriority, TaskStatus, taskStatus } from '../../catalogue/tasks.enums.js';
import { registerEnum } from './register-enum.js';

registerEnum(taskStatus, 'TaskStatus', "A task's progress (upstream status codes 0, 10, 20, 30).");
registerEnum(taskPriority, 'TaskPriority', "A task's priority (upstream codes 10, 20, 30, 40).");

export { TaskPriority, TaskStatus };
